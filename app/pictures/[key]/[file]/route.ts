import { observedRoute } from '@/server/observability/request-log';
import { pictureServingRoute } from '@/server/services/catalog/pictures/picture-routes';

export const dynamic = 'force-dynamic';

export const GET = observedRoute('/pictures', pictureServingRoute());
