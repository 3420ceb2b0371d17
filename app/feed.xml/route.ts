import { siteFeedHandler } from '@/lib/feeds/feed-route';

export const GET = siteFeedHandler('rss');
