package main

import (
	"flag"
	"fmt"

	"github.com/acsgen/acsgen/project"
)

// projectConfig is the --config flag of a command and the configuration it read.
type projectConfig struct {
	fs   *flag.FlagSet
	path *string
	cfg  *project.Config // nil when there is no file
}

// configFlag defines --config on fs.
func configFlag(fs *flag.FlagSet) *projectConfig {
	return &projectConfig{fs: fs, path: fs.String("config", "", "read the project configuration `FILE` (default: "+project.ConfigFile+" in the current directory, if there is one)")}
}

// configField reads one setting of a configuration, nil or empty when unset.
type configField func(*project.Config) []string

var (
	cfgSpecs configField = func(c *project.Config) []string { return c.Specs }
	cfgOut   configField = func(c *project.Config) []string { return nonEmpty(c.Out) }
	cfgDocs  configField = func(c *project.Config) []string { return nonEmpty(c.Docs) }
)

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// load reads the configuration (the --config file, else acsgen.yaml in the current
// directory when there is one) and sets each flag named in fields that the command
// line did not set to the configuration's value: flags always win.
func (p *projectConfig) load(fields map[string]configField) error {
	var err error
	if *p.path != "" {
		p.cfg, err = project.LoadConfig(*p.path)
	} else {
		p.cfg, err = project.FindConfig(".")
	}
	if err != nil || p.cfg == nil {
		return err
	}
	set := map[string]bool{}
	p.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for name, field := range fields {
		if set[name] {
			continue
		}
		for _, v := range field(p.cfg) {
			if err := p.fs.Set(name, v); err != nil {
				return fmt.Errorf("%s: --%s %s: %w", p.cfg.File, name, v, err)
			}
		}
	}
	return nil
}

// packages is the configuration's spec-to-package map, nil without one.
func (p *projectConfig) packages() map[string]string {
	if p.cfg == nil {
		return nil
	}
	return p.cfg.Packages
}
