/** "AWS Marketplace management portal > Partners". */
export function Breadcrumbs({ current }: { current: string }) {
  return (
    <nav className="demo-breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <a href="/">AWS Marketplace management portal</a>
          <span className="demo-breadcrumb-sep" aria-hidden="true">
            &gt;
          </span>
        </li>
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
