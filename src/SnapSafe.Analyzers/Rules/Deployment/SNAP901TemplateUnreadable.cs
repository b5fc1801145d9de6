using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>SNAP901: a deployment template that could not be read, reported on the template where reading stopped.</summary>
    internal static class SNAP901TemplateUnreadable
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP901TemplateUnreadable;

        public static IEnumerable<TemplateFinding> Find(TemplateFile file)
        {
            if (file.Error is TemplateReadError error)
            {
                var position = Math.Max(0, Math.Min(error.Offset, file.Text.Length));
                yield return new TemplateFinding(Descriptor, new TextSpan(position, 0), new object[] { file.Name, error.Message });
            }
        }
    }
}
