from nlpmeet.cli import main

main()
