import { BrandSchema, DEFAULT_BRAND, DEFAULT_PROGRAMME, ProgrammeSchema } from '../programme.schema.js';

describe('BrandSchema', () => {
  it('gives a programme stored before brands existed the default brand', () => {
    const { brand: _brand, ...stored } = DEFAULT_PROGRAMME;
    expect(ProgrammeSchema.parse(stored).brand).toEqual(DEFAULT_BRAND);
  });

  it.each(['#0b5cad', '#FFFFFF', '#000000'])('accepts the colour %s', (colour) => {
    expect(BrandSchema.safeParse({ ...DEFAULT_BRAND, primaryColor: colour }).success).toBe(true);
  });

  it.each(['0b5cad', '#fff', 'blue', '#0b5cadff', 'url(x)'])(
    'refuses the colour %s, naming the field',
    (colour) => {
      const result = BrandSchema.safeParse({ ...DEFAULT_BRAND, accentColor: colour });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['accentColor']);
      expect(result.error?.issues[0]?.message).toBe('must be a colour as #rrggbb');
    },
  );

  it('refuses an empty name', () => {
    expect(BrandSchema.safeParse({ ...DEFAULT_BRAND, name: '  ' }).success).toBe(false);
  });
});
