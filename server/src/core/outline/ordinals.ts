// Chinese ordinals for writing headings: HAN_NUMERALS[3] === '三'.
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function han(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + DIGITS[n % 10];
}

export const HAN_NUMERALS: string[] = Array.from({ length: 100 }, (_, i) => (i === 0 ? '〇' : han(i)));
