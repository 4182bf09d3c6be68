// What the benchmarks share: the median of samples (figures are quoted as
// medians of interleaved runs on a noisy machine).
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
