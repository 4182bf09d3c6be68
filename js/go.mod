// Not Go: this file only keeps the npm package (and the Go files some npm
// packages in its node_modules carry, such as flatted) out of the wxcard
// module's ./... .
module wxcard.invalid/npm-package

go 1.26
