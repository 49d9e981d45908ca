"""Convert a folder of pages or a set of WARC files with decruft on a Dask cluster.

    python dask_convert.py PAGES_OR_WARCS... -o OUT [-t json] [--layout files|jsonl]
                           [--scheduler tcp://HOST:8786 | --workers N]

Without --scheduler a LocalCluster of N worker processes is started on 127.0.0.1. With it,
the script connects to a running cluster: its workers need decruft installed, and OUT must
be a folder they can all write (a shared file system).
"""

from __future__ import annotations

import argparse
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="pages, folders of pages, WARC files")
    parser.add_argument("-o", "--output-dir", required=True)
    parser.add_argument("-t", "--to", default="jsonl", help="output format (default jsonl)")
    parser.add_argument("-f", "--from", dest="kind", default="auto", help="input kind")
    parser.add_argument("--layout", choices=("files", "jsonl"), default="files",
                        help="one file per page, or one JSON Lines file per partition")
    parser.add_argument("--partition-size", type=int, default=50, help="pages per task")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler")
    where.add_argument("--workers", type=int, default=2, help="local worker processes")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    from convert.dask import convert_on_dask

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        start = time.perf_counter()
        summary = convert_on_dask(args.inputs, args.output_dir, fmt=args.to,
                                  layout=args.layout, kind=args.kind, client=client,
                                  partition_size=args.partition_size)
        elapsed = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for line in summary.errors:
        print(f"decruft: {line}", file=sys.stderr)
    print(f"{summary.converted} converted, {summary.failed} failed, {summary.skipped} "
          f"archive records skipped in {elapsed:.2f} s", file=sys.stderr)
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
