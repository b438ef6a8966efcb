import NSXCLI

NSXApp.main()
