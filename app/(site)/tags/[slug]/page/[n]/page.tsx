import { nthPageRoute } from '@/app/(site)/_listing/listing-routes';

const route = nthPageRoute('tag');
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
