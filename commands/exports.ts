/** /exports [question] — what the material says about SMEs' exports. */
import { topicCommand } from '../src/discord/topic-command.ts';

export default topicCommand({
  name: 'exports',
  description: 'What the material says about the exports of Iran’s SMEs',
  topic: 'sme-exports',
  heading: 'SMEs’ exports',
});
