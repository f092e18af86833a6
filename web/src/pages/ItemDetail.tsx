export function ItemDetailPage({ itemId }: { itemId: number }) {
  return <h1>ItemDetailPage {itemId}</h1>;
}
