// Command etcd is the upstream etcd server, built from the go.etcd.io/etcd/server/v3 release that
// k8s.io/kubernetes pins, so the testbed needs no etcd download or Debian package.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
