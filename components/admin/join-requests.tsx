'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Timestamp } from '@/components/ui/timestamp';
import { Button } from '@/components/ui/button';

export function InvitationCode() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const code = useQuery(trpc.joinRequests.code.queryOptions());
  const regenerate = useMutation(
    trpc.joinRequests.regenerateCode.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.joinRequests.code.queryKey(), data),
    }),
  );
  if (code.isPending) return <p role="status">Loading the code…</p>;
  if (code.error) return <Alert tone="error">{code.error.message}</Alert>;
  return (
    <>
      <p>
        Invitation code:{' '}
        <span className="code-box" data-testid="join-code">
          {code.data.code}
        </span>
      </p>
      <p>
        Or send this link: <a href={code.data.link}>{code.data.link}</a>
      </p>
      <div className="actions">
        <Button type="button" className="button" disabled={regenerate.isPending} onClick={() => regenerate.mutate()}>
          Make a new code
        </Button>
        <span className="field-hint">The old code stops working at once.</span>
      </div>
    </>
  );
}

/** timeZone: the viewer's, for when each request was made. */
export function PendingJoinRequests({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useQuery(trpc.joinRequests.pending.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.joinRequests.pending.queryKey() });
  const approve = useMutation(trpc.joinRequests.approve.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.joinRequests.decline.mutationOptions({ onSettled: refresh }));
  if (pending.isPending) return <p role="status">Loading requests…</p>;
  if (pending.error) return <Alert tone="error">{pending.error.message}</Alert>;
  const error = approve.error ?? decline.error;
  return (
    <>
      {error && <Alert tone="error">{error.message}</Alert>}
      {(approve.isSuccess || decline.isSuccess) && !error && (
        <Alert tone="success">Done; they have been emailed.</Alert>
      )}
      {pending.data.length === 0 ? (
        <p>No one is waiting.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Asked</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {pending.data.map((request) => (
                <tr key={request.membershipId}>
                  <td data-label="Name">{request.name}</td>
                  <td data-label="Email">
                    {request.email}{' '}
                    {request.emailVerifiedAt ? (
                      <span className="badge badge-good">confirmed</span>
                    ) : (
                      <span className="badge">not confirmed yet</span>
                    )}
                  </td>
                  <td data-label="Asked">
                    <Timestamp at={request.requestedAt} timeZone={timeZone} />
                  </td>
                  <td data-label="Actions">
                    <div className="actions">
                      <Button
                        type="button"
                        className="button button-small button-primary"
                        disabled={approve.isPending}
                        onClick={() => approve.mutate({ membershipId: request.membershipId })}
                      >
                        Approve {request.name}
                      </Button>
                      <Button
                        type="button"
                        className="button button-small"
                        disabled={decline.isPending}
                        onClick={() => decline.mutate({ membershipId: request.membershipId })}
                      >
                        Decline
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
