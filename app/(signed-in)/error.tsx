'use client';

export { default } from '@/components/errors/error-view.tsx';
