/** /parks [question] — how many industrial parks Iran has, over time. */
import { topicCommand } from '../src/discord/topic-command.ts';

export default topicCommand({
  name: 'parks',
  description: 'How many industrial parks Iran has, as the figure changed over time',
  topic: 'industrial-parks-count',
  heading: 'How many industrial parks Iran has',
});
