'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { cartAfterRefill } from '@/components/orders/refill-link';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/button';
import styles from './home.module.css';

/** Reorder from the home page: the order's products still sold go into the cart at today's prices. */
export function ReorderButton({ number }: { number: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const reorder = useMutation(
    trpc.orders.reorder.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        router.push(cartAfterRefill(`order ${result.number}`, result));
      },
    }),
  );
  return (
    <>
      <Button
        className={`button ${styles.action}`}
        aria-label={`Reorder ${number}`}
        disabled={reorder.isPending || reorder.isSuccess}
        onClick={() => reorder.mutate({ number })}
      >
        {reorder.isPending ? 'Adding…' : 'Reorder'}
      </Button>
      {reorder.error && (
        <span role="alert" className="field-error">
          {reorder.error.message}
        </span>
      )}
    </>
  );
}
