import { LocalTime } from '@/components/ui/local-time';
import { serverCaller } from '@/server/trpc/server';
import styles from './question-thread.module.css';
import { ThreadForm } from './thread-form';

/**
 * The questions about an order and the requester's answers, for its authorizers (the approval
 * page) and its requester (their order page): who wrote what and when, in the reader's zone, and
 * the form to ask (an authorizer who may decide now) or to answer (the requester). Nothing is
 * shown to a reader with nothing to read and nothing to write.
 */
export async function QuestionThread({ number, audience }: { number: string; audience: 'authorizer' | 'requester' }) {
  const thread = await (await serverCaller()).approvalQuestions.thread({ number }).catch(() => null);
  if (!thread) return null;
  const mayWrite = audience === 'authorizer' ? thread.mayAsk : thread.mayAnswer;
  if (thread.messages.length === 0 && !mayWrite) return null;
  return (
    <section className="card" aria-labelledby="question-thread">
      <h2 id="question-thread">
        {audience === 'authorizer' ? 'Questions to the requester' : 'Questions about your order'}
      </h2>
      {thread.awaitingAnswer && (
        <p className={styles.waiting} data-testid="awaiting-answer">
          <span className="badge">
            {audience === 'authorizer' ? 'Waiting for the requester’s answer' : 'Waiting for your answer'}
          </span>
        </p>
      )}
      {thread.messages.length > 0 && (
        <ol className={styles.messages} aria-label="Questions and answers">
          {thread.messages.map((message) => (
            <li key={message.id} className={message.role === 'requester' ? styles.answer : styles.question}>
              <p className={styles.meta}>
                <strong>{message.byYou ? 'You' : message.name}</strong>{' '}
                {message.role === 'requester' ? 'answered' : 'asked'} · <LocalTime at={message.at} />
              </p>
              <p className={styles.body}>{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {mayWrite && <ThreadForm number={number} mode={audience === 'authorizer' ? 'ask' : 'answer'} />}
    </section>
  );
}
