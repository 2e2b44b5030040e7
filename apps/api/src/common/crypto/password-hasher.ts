import argon2 from 'argon2';

// OWASP's argon2id floor: 19 MiB, 2 passes, 1 lane — about 20 ms here, expensive enough offline.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let dummyHash: Promise<string> | undefined;

export const passwordHasher = {
  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  },

  async verify(hash: string | null, password: string): Promise<boolean> {
    // Unknown accounts still pay for one verification, so timing does not tell whether an email exists.
    dummyHash ??= argon2.hash('tally-timing-equaliser', OPTIONS);
    const target = hash ?? (await dummyHash);
    try {
      const ok = await argon2.verify(target, password);
      return hash !== null && ok;
    } catch {
      return false;
    }
  },
};
