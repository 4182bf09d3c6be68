module github.com/wxcard/wxcard

go 1.25

toolchain go1.26.8

require github.com/stretchr/testify v1.12.1 // indirect
