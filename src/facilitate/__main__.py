from facilitate.cli import main

raise SystemExit(main())
