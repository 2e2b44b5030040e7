export default async function globalTeardown(): Promise<void> {
  await globalThis.__TALLY_TEST_DB__?.stop();
}
