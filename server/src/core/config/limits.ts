// Bounds that keep user settings from hanging or bloating the checker.
export const MAX_TERMS = 500;
export const MAX_PATTERN_LENGTH = 200;
export const MAX_IGNORES = 5000;
