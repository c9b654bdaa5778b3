// The server's zod schema for ActionStatus.passcodeShownAt, on the check the browser runs too (passcode-shown.ts).
import { z } from 'zod';
import { by } from '@/lib/shared/checked-schema';
import { checkPasscodeShownAt } from './passcode-shown';

export const passcodeShownAtSchema = z.unknown().transform(by(checkPasscodeShownAt));
