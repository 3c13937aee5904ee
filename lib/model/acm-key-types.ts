/** ACM's key algorithm names, every one (ListCertificates returns only the RSA ones unless asked). */
export const ACM_KEY_TYPES = [
  "RSA_1024",
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "EC_prime256v1",
  "EC_secp384r1",
  "EC_secp521r1",
] as const;
