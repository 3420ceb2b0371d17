import { siteFeedHandler } from '@/app/_feeds/feed-route';

export const GET = siteFeedHandler('atom');
