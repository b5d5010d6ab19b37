// Package model holds baogao's domain types and the pure logic over them:
// reports, sections and their kinds, metrics, the indicator catalogue and
// the comparison of two reports. It does no I/O and no text parsing.
package model

import "fmt"

// Kind says what a section is about in the report's own terms.
type Kind int

const (
	KindOther        Kind = iota // a real section that is none of the three below
	KindAchievements             // what was done: 成绩, 执行情况, 进展情况, a past year's review
	KindProblems                 // shortcomings and risks: 问题, 不足, 短板
	KindPlans                    // what will be done: 打算, 主要任务, 展望, 预期目标
)

var kindNames = [...]string{"other", "achievements", "problems", "plans"}

// Kinds lists every kind in display order.
var Kinds = []Kind{KindAchievements, KindProblems, KindPlans, KindOther}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "other"
	}
	return kindNames[k]
}

// Badge is a short text mark that reads without colour.
func (k Kind) Badge() string {
	switch k {
	case KindAchievements:
		return "成"
	case KindProblems:
		return "问"
	case KindPlans:
		return "计"
	}
	return "·"
}

// ParseKind reads a kind name as written by String.
func ParseKind(s string) (Kind, error) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), nil
		}
	}
	return KindOther, fmt.Errorf("unknown section kind %q", s)
}

func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	*k = v
	return err
}
