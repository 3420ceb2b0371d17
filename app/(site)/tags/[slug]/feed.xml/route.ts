import { scopedFeedHandler } from '@/lib/feeds/feed-route';

export const GET = scopedFeedHandler('tag');
