import { pictureServingRoute } from '@/server/services/catalog/pictures/picture-routes';

export const dynamic = 'force-dynamic';

export const GET = pictureServingRoute();
