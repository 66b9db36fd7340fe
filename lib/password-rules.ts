import { z } from "@/lib/zod";
import { MIN_PASSWORD_LENGTH } from "./passwords";

/**
 * Passwords of 12+ characters that still top the breach lists (length alone does not stop
 * them). Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set([
  "123456789012", "1234567890123", "12345678901234", "123456789abc", "1q2w3e4r5t6y", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv",
  "aaaaaaaaaaaa", "abc123456789", "abcd12345678", "abcdefghijkl", "administrator", "asdfghjkl123", "asdfghjklasdf",
  "changeme1234", "correcthorsebatterystaple", "football1234", "iloveyou1234", "letmein12345", "masthead1234",
  "monkey123456", "newspaper123", "newsroom1234", "p@ssw0rd1234", "passw0rd1234", "password1234", "password12345",
  "password123456", "password!234", "passwordpassword", "princess1234", "q1w2e3r4t5y6", "qazwsxedcrfv", "qwerty123456",
  "qwertyuiop12", "qwertyuiopasdf", "qwertyuiopas", "superman1234", "sunshine1234", "trustno11234", "welcome12345",
  "welcome123456", "whatever1234", "zaq12wsxcde3", "zxcvbnm12345", "zxcvbnmasdfg", "000000000000", "111111111111",
  "121212121212", "123123123123", "987654321098", "999999999999", "qwertyqwerty", "abcabcabcabc", "letmeinletmein",
  "iloveyouiloveyou", "baseball1234", "dragon123456", "master123456", "shadow123456", "michael12345", "jennifer1234",
]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(lower);
}

/** The one rule for every new password: setup, invites, resets and changes. */
export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1024, "That password is too long.")
  .refine((password) => !isCommonPassword(password), "That password is on the list of the most common ones. Choose another.");
