import { nthPageRoute } from '@/app/(site)/_listing/listing-routes';

const route = nthPageRoute('author');
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
