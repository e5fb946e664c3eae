from vocplan.cli import main

raise SystemExit(main())
