import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrCodeDataUrl, totpUri, verifyTotp } from './totp.ts';

describe('TOTP', () => {
  it('accepts the current code once and never again', async () => {
    const secret = newTotpSecret();
    const epoch = 1_800_000_000;
    const code = await generate({ secret, epoch });
    const step = await verifyTotp(secret, code, null, epoch);
    expect(step).toBe(Math.floor(epoch / 30));
    expect(await verifyTotp(secret, code, step, epoch)).toBeNull();
  });

  it('tolerates one step of clock drift but not more', async () => {
    const secret = newTotpSecret();
    const epoch = 1_800_000_000;
    expect(await verifyTotp(secret, await generate({ secret, epoch: epoch - 30 }), null, epoch)).not.toBeNull();
    expect(await verifyTotp(secret, await generate({ secret, epoch: epoch - 90 }), null, epoch)).toBeNull();
    expect(await verifyTotp(secret, '12345', null, epoch)).toBeNull();
  });

  it('encodes an otpauth URI as a QR code image for authenticator apps', async () => {
    const uri = totpUri('analyst@example.org', 'JBSWY3DPEHPK3PXP');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Ittifaq:analyst%40example\.org\?.*secret=JBSWY3DPEHPK3PXP/);
    expect(await qrCodeDataUrl(uri)).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('makes distinct recovery codes whose hash ignores case and separators', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const [code] = codes as [string];
    expect(hashRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code));
  });
});
