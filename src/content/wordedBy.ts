// Which earlier answer picks a question's wording (src/content/questionWords.ts), apart from the
// words so that the content checks (src/content/schema.ts) can allow the suffixed keys.
import type { QuestionId } from '../machine/questions';

export const WORDED_BY: Partial<Record<QuestionId, QuestionId>> = {
  certificate: 'situation',
  oldPlatform: 'situation',
  oldPhone: 'situation',
  newPhone: 'newPlatform',
};
