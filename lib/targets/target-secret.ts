import { requireMasterKey } from '../env';
import { openSecret, sealSecret } from '../crypto/secret-box';

const associatedData = (targetId: string) => `gatehouse:target:${targetId}:password`;

export function sealTargetPassword(targetId: string, password: string): string {
  return sealSecret(requireMasterKey(), password, associatedData(targetId));
}

export function openTargetPassword(targetId: string, ciphertext: string): string {
  return openSecret(requireMasterKey(), ciphertext, associatedData(targetId));
}
