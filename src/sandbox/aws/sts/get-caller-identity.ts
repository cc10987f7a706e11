import * as z from 'zod';
import { operation } from '../operation';
import { uniqueIdOf } from './unique-ids';

// Sources: AWS STS API Reference, "GetCallerIdentity" (Account, Arn, UserId); IAM User Guide, "IAM
// identifiers" (AIDA/AROA unique ids).

/** STS GetCallerIdentity: Account, Arn and UserId (`AIDA…` for users, `AROA…:session` for role sessions). */
export const getCallerIdentity = operation(z.object({}), ({ caller }) => ({
  Arn: caller.arn,
  UserId: caller.sessionName !== undefined ? `${uniqueIdOf('AROA', caller.principalArn)}:${caller.sessionName}` : uniqueIdOf('AIDA', caller.principalArn),
  Account: caller.accountId,
}));
