# acsgen: generate Go clients from spec/, check that everything derived is current, test.
GO ?= go

.PHONY: generate check test race lint golden fuzz bench products corpus memory

# The main job: spec/*.yaml → generated/<product>, plus oapi-codegen reference models
# and the Markdown reference under docs/ (after generated/, whose example tests it shows).
generate:
	$(GO) run ./cmd/acsgen generate --spec spec --out generated
	$(GO) run ./cmd/acsgen docs --spec spec --out docs
	$(GO) run ./contracttests/internal/refgen -spec spec -out contracttests/internal/oapiref

# Fails when generated code is stale or a spec has problems; writes nothing.
check:
	$(GO) run ./cmd/acsgen generate --spec spec --out generated --check
	$(GO) run ./cmd/acsgen docs --check
	$(GO) run ./cmd/acsgen lint --spec spec
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags acsgen_nocompiled ./cmd/acsgen

test: race
	$(GO) test -count=1 ./...
	cd interop && $(GO) vet ./... && $(GO) test -count=1 ./...
	cd bench && $(GO) vet ./... && $(GO) test -count=1 ./...

# The runtime and the generated clients are used from many goroutines, and so is one
# contract.Set; generation builds a spec beside its validation, which share the doc;
# the race detector runs over them on every `make test`.
race:
	$(GO) test -race -count=1 ./acs/... ./generated/...
	$(GO) test -race -count=1 -run Concurrently ./contract ./generator ./generator/load

# Runs each fuzz target for FUZZTIME, one after another (they share the CPUs).
# Each new input is minimised for at most FUZZMINIMIZE: with go test's default of
# 60 s, FuzzGenerate spent most of a minute minimising mutated copies of the large
# specs (no execs counted meanwhile) and found 4 new inputs; with 3 s, 44.
FUZZTIME ?= 60s
FUZZMINIMIZE ?= 3s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzGenerate$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generator
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeGetPluginAttachment$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generated/apig
	$(GO) test -run '^$$' -fuzz '^FuzzReadCassette$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contract
	$(GO) test -run '^$$' -fuzz '^FuzzFastCassette$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contract
	$(GO) test -run '^$$' -fuzz '^FuzzValidationRequest$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contract
	$(GO) test -run '^$$' -fuzz '^FuzzReparsedURL$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contract
	$(GO) test -run '^$$' -fuzz '^FuzzMediaType$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contract
	$(GO) test -run '^$$' -fuzz '^FuzzEachHARAgreesWithUnmarshal$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contract
	$(GO) test -run '^$$' -fuzz '^FuzzSignVerify$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./acs
	$(GO) test -run '^$$' -fuzz '^FuzzVerify$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./acs
	$(GO) test -run '^$$' -fuzz '^FuzzJSONDepthExceeds$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./acs
	$(GO) test -run '^$$' -fuzz '^FuzzValidateAgreesWithKin$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contracttests
	$(GO) test -run '^$$' -fuzz '^FuzzAgreesWithEncodingJSON$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./acs/jsondec
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeJSONAgreesWithEncodingJSON$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generated/apig
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeJSONAgreesWithEncodingJSON$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generated/cloudapi
	$(GO) test -run '^$$' -fuzz '^FuzzCanonicalQueryFastPath$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./acs
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeTree$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generator/load
	$(GO) test -run '^$$' -fuzz '^FuzzFormats$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./acs
	$(GO) test -run '^$$' -fuzz '^FuzzStrictDecodingAgreesWithKin$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generator/internal/cases/unions
	$(GO) test -run '^$$' -fuzz '^FuzzParamChecksAgreeWithKin$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generator
	$(GO) test -run '^$$' -fuzz '^FuzzWalkersAgreeWithKin$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./contract
	$(GO) test -run '^$$' -fuzz '^FuzzWalkersAgreeWithKin$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generator/internal/cases/kitchensink
	$(GO) test -run '^$$' -fuzz '^FuzzWalkersAgreeWithKin$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generator/internal/cases/unions
	$(GO) test -run '^$$' -fuzz '^FuzzSplitParse$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./generator/load

lint:
	$(GO) vet ./...
	$(GO) run ./cmd/acsgen lint --spec spec

# Rewrites the generator's golden files after an intended change in output.
golden:
	$(GO) test ./generator -run 'TestGolden|TestErrors' -update

# Benchmarks against darabonba, alibaba-cloud-sdk-go, oapi-codegen and kin-openapi
# (bench/ is its own module). Takes a few minutes on 2 cores; prints the ratios
# BENCHMARKS.md records. The raw output stays in bench/bench.out.
BENCHTIME ?= 1s
bench:
	cd bench && $(GO) test -run '^$$' -bench . -benchtime=$(BENCHTIME) -timeout 30m . | tee bench.out
	cd bench && $(GO) run ./cmd/ratios < bench.out

# Peak memory of acsgen contract on a HAR file of HAR_MIB MiB and on go-vcr
# cassettes of 100,000 interactions, against issue 18's bounds (BENCHMARKS.md).
# Writes about HAR_MIB + 100 MiB under $$TMPDIR and removes it.
HAR_MIB ?= 1024
memory:
	cd bench && $(GO) run ./cmd/recordmem -har-mib $(HAR_MIB)

# Imports every product of Alibaba's metadata (METADATA, ../shared/metadata in CI),
# generates each whole package and compiles it: the table BENCHMARKS.md records.
METADATA ?= ../shared/metadata
products:
	cd bench && $(GO) run ./cmd/products ../$(METADATA)

# Runs acsgen and oapi-codegen over a directory of public OpenAPI 3.0 specs
# (CORPUS; by default kin-openapi's test data in the module cache) and prints how
# many each turns into code that builds and vets, and what acsgen refuses.
CORPUS ?=
corpus:
	cd bench && $(GO) run ./cmd/corpus $(CORPUS)
