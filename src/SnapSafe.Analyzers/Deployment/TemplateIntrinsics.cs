using System;
using System.Collections.Generic;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// CloudFormation intrinsic functions, whichever way they are written: the long form (<c>{"Ref": "X"}</c>,
    /// <c>Fn::GetAtt: [X, Arn]</c>) or the YAML short form (<c>!Ref X</c>, <c>!GetAtt X.Arn</c>, <c>!Sub "${X.Arn}"</c>).
    /// </summary>
    internal static class TemplateIntrinsics
    {
        /// <summary>
        /// True when <paramref name="node"/> is an intrinsic function call: <paramref name="name"/> is its long name
        /// (<c>Ref</c>, <c>Condition</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, ...) and <paramref name="argument"/> its
        /// argument (for the short form, the tagged node itself).
        /// </summary>
        public static bool TryGet(TemplateNode node, out string name, out TemplateNode argument)
        {
            if (node.Tag != null && node.Tag.Length > 1 && node.Tag[0] == '!' && node.Tag[1] != '!')
            {
                var shortName = node.Tag.Substring(1);
                name = shortName == "Ref" || shortName == "Condition" ? shortName : "Fn::" + shortName;
                argument = node;
                return true;
            }

            if (node is TemplateMapping mapping && mapping.Entries.Length == 1)
            {
                var key = mapping.Entries[0].Name;
                if (key == "Ref" || key == "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal))
                {
                    name = key;
                    argument = mapping.Entries[0].Value;
                    return true;
                }
            }

            name = string.Empty;
            argument = node;
            return false;
        }

        public static bool IsIntrinsic(TemplateNode node) => TryGet(node, out _, out _);

        /// <summary>The text of a literal scalar (untagged, or tagged with a YAML core tag such as <c>!!str</c>); null otherwise.</summary>
        public static string? LiteralText(TemplateNode? node)
            => node is TemplateScalar scalar && (scalar.Tag == null || scalar.Tag.StartsWith("!!", StringComparison.Ordinal)) && !scalar.IsNull ? scalar.Value : null;

        /// <summary>An integer literal (<c>1024</c>, <c>"1024"</c>); null for anything else.</summary>
        public static long? LiteralInteger(TemplateNode? node)
        {
            var text = LiteralText(node);
            return text != null && long.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
        }

        /// <summary>Every string a node can produce as written: literals, and the templates of <c>Fn::Sub</c>, at any depth.</summary>
        public static IEnumerable<(TemplateNode Node, string Text)> Strings(TemplateNode node)
        {
            if (TryGet(node, out var name, out var argument))
            {
                if (name == "Fn::Sub")
                {
                    var template = argument is TemplateSequence sequence && sequence.Items.Length > 0 ? sequence.Items[0] : argument;
                    if (template is TemplateScalar scalar)
                    {
                        yield return (node, scalar.Value);
                    }

                    yield break;
                }

                foreach (var child in Children(argument))
                {
                    foreach (var found in Strings(child))
                    {
                        yield return found;
                    }
                }

                yield break;
            }

            if (node is TemplateScalar literal)
            {
                if (!literal.IsNull)
                {
                    yield return (node, literal.Value);
                }

                yield break;
            }

            foreach (var child in Children(node))
            {
                foreach (var found in Strings(child))
                {
                    yield return found;
                }
            }
        }

        /// <summary>The direct children of a mapping (its values) or a sequence (its items).</summary>
        public static IEnumerable<TemplateNode> Children(TemplateNode node)
        {
            switch (node)
            {
                case TemplateMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        yield return entry.Value;
                    }

                    break;
                case TemplateSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        yield return item;
                    }

                    break;
            }
        }
    }
}
