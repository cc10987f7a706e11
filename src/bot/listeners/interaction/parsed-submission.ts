import type { ModalParseResult } from '../../views/view-state';
import type { SubmissionArgs } from './interaction-scope';

/** A modal's parser: its submitted state and private_metadata to a typed value or per-block errors. */
type ModalParser<T> = (values: unknown, privateMetadata: string | undefined) => ModalParseResult<T>;

/**
 * A view_submission listener that parses the modal first: invalid input is answered in the ack, under
 * its fields, and nothing else runs; valid input goes to `handle` with the listener's arguments.
 */
export function parsedSubmission<T>(parse: ModalParser<T>, handle: (value: T, args: SubmissionArgs) => Promise<void>) {
  return async (args: SubmissionArgs): Promise<void> => {
    const parsed = parse(args.view.state.values, args.view.private_metadata);
    if (!parsed.ok) {
      await args.ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    await handle(parsed.value, args);
  };
}
