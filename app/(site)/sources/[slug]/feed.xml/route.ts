import { scopedFeedHandler } from '@/app/_feeds/feed-route';

export const GET = scopedFeedHandler('source');
