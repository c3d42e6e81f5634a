from mgz.cli import main

main()
