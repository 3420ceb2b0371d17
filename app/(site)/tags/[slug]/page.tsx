import { firstPageRoute } from '@/components/listing-routes';

const route = firstPageRoute('tag');
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
