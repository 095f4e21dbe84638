// Package ops holds the operations that the window and the command line
// both perform: where the data file lives, a new or demonstration file,
// the inputs of every printed document, Excel export and import. Each
// takes a store or a transaction and returns domain values, report inputs
// or bytes, so the two callers print and write exactly the same thing and
// neither imports the other.
package ops
