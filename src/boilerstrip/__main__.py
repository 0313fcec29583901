from boilerstrip.cli import main

main()
