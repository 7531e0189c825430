#!/usr/bin/env python3
# Regenerates RecurrenteComponentConfiguration.java from the component metadata (src/generated/.../recurrente.json).
# Run from the repository root after a component option changed: python3 camel-recurrente-spring-boot-starter/src/build/generate-configuration.py
# RecurrenteComponentConfigurationTest fails until the class matches the component.
import json,textwrap
d=json.load(open('camel-recurrente-component/src/generated/resources/META-INF/io/github/camelrecurrente/component/recurrente.json'))
props=d['componentProperties']
imports=set()
def jtype(name,p):
    t=p['type']; jt=p.get('javaType','')
    if t=='duration': return 'String'
    if t=='object':
        if jt.startswith('org.apache.camel.spi.StateRepository'):
            return 'StateRepository<String, String>'
        simple=jt.split('.')[-1]; imports.add(jt); return simple
    if t in ('enum','string'): return 'String'
    if t=='boolean': return 'Boolean'
    if t=='integer': return 'Long' if jt in ('long','java.lang.Long') else 'Integer'
    raise Exception(name+t)
def dflt(p,ty):
    if 'defaultValue' not in p: return None
    v=p['defaultValue']
    if ty=='String': return json.dumps(str(v))
    if ty=='Boolean': return 'true' if v else 'false'
    if ty=='Long': return str(v)+'L'
    if ty=='Integer': return str(v)
    return None
fields=[];acc=[]
for name in sorted(props):
    p=props[name]; ty=jtype(name,p); desc=p['description']
    if p['type']=='object': desc+=' The option is a '+p['javaType'].replace('<','&lt;').replace('>','&gt;')+' type.'
    if p['type']=='duration': desc+=' The option is a duration: a number of milliseconds or a text such as 10s, 1m30s.'
    desc=desc.replace('*/','*&#47;')
    doc='    /**\n'+''.join('     * '+l+'\n' for l in textwrap.wrap(desc,112))+'     */\n'
    dv=dflt(p,ty)
    fields.append(doc+'    private '+ty+' '+name+(' = '+dv if dv else '')+';\n')
    cap=name[0].upper()+name[1:]
    acc.append(f'    public {ty} get{cap}() {{\n        return {name};\n    }}\n\n    public void set{cap}({ty} {name}) {{\n        this.{name} = {name};\n    }}\n')
other=sorted(i for i in imports if not i.startswith('org.apache.camel'))
camel=sorted(set(i for i in imports if i.startswith('org.apache.camel'))|{'org.apache.camel.spi.StateRepository'})
src='package io.github.camelrecurrente.springboot;\n\n'+''.join('import %s;\n'%i for i in other)+''.join('import %s;\n'%i for i in camel)+'''import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the {@code recurrente} component as Spring Boot properties ({@code camel.component.recurrente.*});
 * the descriptions and defaults are the component's own (RecurrenteComponentConfigurationTest checks them against the
 * component's generated metadata, so this class cannot drift from the component).
 */
@ConfigurationProperties(prefix = "camel.component.recurrente")
public class RecurrenteComponentConfiguration extends ComponentConfigurationPropertiesCommon {

'''+'\n'.join(fields)+'\n'+'\n'.join(acc).rstrip()+'\n}\n'
open('camel-recurrente-spring-boot-starter/src/main/java/io/github/camelrecurrente/springboot/RecurrenteComponentConfiguration.java','w').write(src)
