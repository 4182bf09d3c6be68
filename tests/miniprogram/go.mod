// Not Go: this file only keeps the sample mini program (and the Go files some
// npm packages in its node_modules carry) out of the wxcard module's ./... .
module wxcard.invalid/sample-miniprogram

go 1.26
