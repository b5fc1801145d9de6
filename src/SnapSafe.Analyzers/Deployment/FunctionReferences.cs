using System;
using System.Collections.Generic;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>A place in a template that names a function: its ARN or name, qualified (a version or alias) or not.</summary>
    internal readonly struct FunctionReference
    {
        public FunctionReference(DeployedFunction function, TemplateNode node, bool qualified)
        {
            Function = function;
            Node = node;
            Qualified = qualified;
        }

        public DeployedFunction Function { get; }

        /// <summary>The node that holds the reference: the <c>!GetAtt</c>, <c>!Ref</c> or <c>!Sub</c> node.</summary>
        public TemplateNode Node { get; }

        /// <summary>
        /// True when the reference names a version or alias: <c>${Fn.Arn}:live</c>, <c>!Join [":", [!GetAtt Fn.Arn, live]]</c>.
        /// <c>!Ref Fn</c> (the name) and <c>!GetAtt Fn.Arn</c> are unqualified; SAM's <c>Fn.Alias</c>/<c>Fn.Version</c>
        /// and references to <c>AWS::Lambda::Alias</c>/<c>Version</c> resources are not references to the function.
        /// </summary>
        public bool Qualified { get; }
    }

    /// <summary>Finds the references to a template's functions inside a node.</summary>
    internal static class FunctionReferences
    {
        private const int MaxDepth = 64;

        public static List<FunctionReference> Find(TemplateNode node, IReadOnlyDictionary<string, DeployedFunction> functions)
        {
            var result = new List<FunctionReference>();
            Visit(node, functions, result, 0);
            return result;
        }

        private static void Visit(TemplateNode node, IReadOnlyDictionary<string, DeployedFunction> functions, List<FunctionReference> result, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            if (TemplateIntrinsics.TryGet(node, out var name, out var argument))
            {
                switch (name)
                {
                    case "Ref":
                        if (argument is TemplateScalar id && functions.TryGetValue(id.Value, out var named))
                        {
                            result.Add(new FunctionReference(named, node, qualified: false));
                        }

                        return;

                    case "Fn::GetAtt":
                        if (TryGetAtt(argument, out var resource, out var attribute) && attribute == "Arn" && functions.TryGetValue(resource, out var target))
                        {
                            result.Add(new FunctionReference(target, node, qualified: false));
                        }

                        return;

                    case "Fn::Sub":
                        VisitSub(node, argument, functions, result, depth);
                        return;

                    case "Fn::Join":
                        VisitJoin(argument, functions, result, depth);
                        return;
                }

                foreach (var child in TemplateIntrinsics.Children(argument))
                {
                    Visit(child, functions, result, depth + 1);
                }

                return;
            }

            foreach (var child in TemplateIntrinsics.Children(node))
            {
                Visit(child, functions, result, depth + 1);
            }
        }

        /// <summary><c>!GetAtt Fn.Arn</c> or <c>Fn::GetAtt: [Fn, Arn]</c>.</summary>
        public static bool TryGetAtt(TemplateNode argument, out string resource, out string attribute)
        {
            resource = attribute = string.Empty;
            if (argument is TemplateScalar scalar)
            {
                var dot = scalar.Value.IndexOf('.');
                if (dot <= 0)
                {
                    return false;
                }

                resource = scalar.Value.Substring(0, dot);
                attribute = scalar.Value.Substring(dot + 1);
                return true;
            }

            if (argument is TemplateSequence sequence && sequence.Items.Length == 2
                && TemplateIntrinsics.LiteralText(sequence.Items[0]) is string first
                && TemplateIntrinsics.LiteralText(sequence.Items[1]) is string second)
            {
                resource = first;
                attribute = second;
                return true;
            }

            return false;
        }

        /// <summary>
        /// <c>${Fn.Arn}</c> and <c>${Fn}</c> in a <c>Fn::Sub</c> template, and variables whose value references a
        /// function; followed by <c>:</c> the reference is qualified (<c>${Fn.Arn}:live</c>).
        /// </summary>
        private static void VisitSub(TemplateNode node, TemplateNode argument, IReadOnlyDictionary<string, DeployedFunction> functions, List<FunctionReference> result, int depth)
        {
            TemplateNode? templateNode = argument;
            TemplateMapping? variables = null;
            if (argument is TemplateSequence sequence)
            {
                templateNode = sequence.Items.Length > 0 ? sequence.Items[0] : null;
                variables = sequence.Items.Length > 1 ? sequence.Items[1] as TemplateMapping : null;
            }

            if (!(templateNode is TemplateScalar template))
            {
                return;
            }

            var text = template.Value;
            var index = 0;
            while ((index = text.IndexOf("${", index, StringComparison.Ordinal)) >= 0)
            {
                var close = text.IndexOf('}', index + 2);
                if (close < 0)
                {
                    break;
                }

                var placeholder = text.Substring(index + 2, close - index - 2).Trim();
                var qualified = close + 1 < text.Length && text[close + 1] == ':';
                index = close + 1;
                if (placeholder.StartsWith("!", StringComparison.Ordinal))
                {
                    continue;
                }

                var variable = variables?.Find(placeholder);
                if (variable != null)
                {
                    var found = new List<FunctionReference>();
                    Visit(variable.Value, functions, found, depth + 1);
                    foreach (var reference in found)
                    {
                        result.Add(qualified && !reference.Qualified ? new FunctionReference(reference.Function, reference.Node, qualified: true) : reference);
                    }

                    continue;
                }

                var dot = placeholder.IndexOf('.');
                var resource = dot < 0 ? placeholder : placeholder.Substring(0, dot);
                var attribute = dot < 0 ? null : placeholder.Substring(dot + 1);
                if ((attribute == null || attribute == "Arn") && functions.TryGetValue(resource, out var function))
                {
                    result.Add(new FunctionReference(function, node, qualified));
                }
            }
        }

        /// <summary>
        /// <c>!Join [":", [!GetAtt Fn.Arn, live]]</c> and <c>!Join ["", [!GetAtt Fn.Arn, ":live"]]</c> name a
        /// qualified ARN; a reference that ends the joined string does not.
        /// </summary>
        private static void VisitJoin(TemplateNode argument, IReadOnlyDictionary<string, DeployedFunction> functions, List<FunctionReference> result, int depth)
        {
            if (!(argument is TemplateSequence sequence) || sequence.Items.Length != 2 || !(sequence.Items[1] is TemplateSequence parts) || TemplateIntrinsics.IsIntrinsic(parts))
            {
                foreach (var child in TemplateIntrinsics.Children(argument))
                {
                    Visit(child, functions, result, depth + 1);
                }

                return;
            }

            var delimiter = TemplateIntrinsics.LiteralText(sequence.Items[0]) ?? string.Empty;
            for (var i = 0; i < parts.Items.Length; i++)
            {
                var found = new List<FunctionReference>();
                Visit(parts.Items[i], functions, found, depth + 1);
                var last = i == parts.Items.Length - 1;
                var qualified = (delimiter == ":" && !last)
                    || (delimiter.Length == 0 && !last && (TemplateIntrinsics.LiteralText(parts.Items[i + 1])?.StartsWith(":", StringComparison.Ordinal) ?? false));
                foreach (var reference in found)
                {
                    result.Add(qualified && !reference.Qualified ? new FunctionReference(reference.Function, reference.Node, qualified: true) : reference);
                }
            }
        }
    }
}
