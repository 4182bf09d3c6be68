module github.com/wxcard/wxcard

go 1.25

toolchain go1.26.8
