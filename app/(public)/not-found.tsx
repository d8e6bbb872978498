import { NotFoundMessage } from '@/components/public/not-found-message.tsx';

export default function PublicNotFound() {
  return <NotFoundMessage />;
}
