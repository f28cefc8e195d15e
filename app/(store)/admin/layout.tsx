import { TRPCReactProvider } from '@/components/trpc/provider';

/** This section's forms use the tRPC client; the store layout leaves it out (see there). */
export default TRPCReactProvider;
